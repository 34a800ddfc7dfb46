import { createEventBus } from '../../electron/core/events/bus';

describe('event bus', () => {
  it('keeps delivering to the other listeners when one throws, and reports the failure', () => {
    const failures: string[] = [];
    const bus = createEventBus((error, event) => failures.push(`${event}: ${(error as Error).message}`));
    const seen: string[] = [];
    bus.on('books.changed', () => {
      throw new Error('closed tab');
    });
    bus.on('books.changed', (e) => seen.push(`on ${e.companyGuid}`));
    bus.onAny((event) => {
      if (event === 'books.changed') throw new Error('forwarder down');
    });
    const off = bus.onAny((event) => seen.push(`any ${event}`));
    expect(() => bus.emit('books.changed', { companyGuid: 'G', dataVersion: 2 })).not.toThrow();
    expect(seen).toEqual(['on G', 'any books.changed']);
    expect(failures).toEqual(['books.changed: closed tab', 'books.changed: forwarder down']);
    off();
    bus.emit('books.changed', { companyGuid: 'H', dataVersion: 3 });
    expect(seen).toEqual(['on G', 'any books.changed', 'on H']);
  });
});
