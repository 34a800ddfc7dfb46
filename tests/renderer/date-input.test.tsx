// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { DateInput, parseIndianDate } from '../../renderer/src/components/DateInput';

describe('DateInput', () => {
  it('reads dates the way Indian accountants write them', () => {
    expect(parseIndianDate('25-11-2026')).toBe('2026-11-25');
    expect(parseIndianDate('1/4/25')).toBe('2025-04-01');
    expect(parseIndianDate('31.03.2026')).toBe('2026-03-31');
    expect(parseIndianDate('31-02-2026')).toBeNull();
    expect(parseIndianDate('2026-11-25')).toBeNull();
  });

  it('shows DD-MM-YYYY, reports a valid date on Enter and marks an invalid one', () => {
    const onChange = vi.fn();
    render(<DateInput label="From" value="2025-04-01" onChange={onChange} />);
    const input = screen.getByRole('textbox', { name: 'From' });
    expect(input).toHaveValue('01-04-2025');
    fireEvent.change(input, { target: { value: '31-13-2025' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChange).not.toHaveBeenCalled();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    fireEvent.change(input, { target: { value: '15-06-2025' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChange).toHaveBeenCalledWith('2025-06-15');
  });
});
