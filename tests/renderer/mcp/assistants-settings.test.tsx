// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AssistantsInfo } from '../../../shared/types/assistants';
import { renderApp } from '../render-app';
import { company } from '../fake-bridge';

const off: AssistantsInfo = {
  enabled: false,
  companies: [],
  launch: { command: 'C:\\Program Files\\TallyConnect\\TallyConnect.exe', args: ['--mcp'] },
  snippet: '{ "mcpServers": { "tallyconnect": { "command": "TallyConnect.exe", "args": ["--mcp"] } } }',
  claudeConfigPath: 'C:\\Users\\asha\\AppData\\Roaming\\Claude\\claude_desktop_config.json',
};

const card = async () => within(await screen.findByTestId('assistants-settings'));

describe('Settings › Assistants', () => {
  it('is off with no company ticked; saves the switch and the companies chosen', async () => {
    const { bridge } = renderApp('#/settings', {
      handlers: {
        'assistants.get': () => off,
        'assistants.update': (input) => ({
          ...off,
          enabled: input.enabled ?? false,
          companies: input.companies ?? [],
        }),
      },
    });
    const form = await card();
    const toggle = form.getByRole('checkbox', { name: 'Allow assistants to read the books' });
    const books = form.getByRole('checkbox', { name: company.name });
    expect(toggle).not.toBeChecked();
    expect(books).not.toBeChecked();
    expect(form.getByTestId('assistants-snippet')).toHaveTextContent('"tallyconnect"');
    fireEvent.click(toggle);
    fireEvent.click(books);
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(bridge.calls.find((c) => c.operation === 'assistants.update')?.input).toEqual({
        enabled: true,
        companies: [company.guid],
      }),
    );
    expect(await form.findByText('Settings saved.')).toBeInTheDocument();
  });

  it("adds itself to Claude Desktop's file and says where the backup is", async () => {
    renderApp('#/settings', {
      handlers: {
        'assistants.get': () => off,
        'assistants.addToClaude': () => ({
          path: off.claudeConfigPath,
          backup: `${off.claudeConfigPath}.20261206T214005.bak`,
          replaced: false,
        }),
      },
    });
    const form = await card();
    fireEvent.click(form.getByRole('button', { name: 'Add to Claude Desktop' }));
    const added = await form.findByTestId('assistants-added');
    expect(added).toHaveTextContent('Restart Claude Desktop');
    expect(added).toHaveTextContent('20261206T214005.bak');
  });

  it('is left out for portal users (desktop only)', async () => {
    renderApp('#/settings', {
      handlers: { 'assistants.get': () => ({ code: 'FORBIDDEN', message: 'desktop only' }) },
    });
    await screen.findByRole('heading', { name: 'Settings' });
    expect(screen.queryByTestId('assistants-settings')).toBeNull();
  });
});
