import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestIdFor } from './request-id';

function call(header?: string) {
  const headers: Record<string, string> = {};
  const res = { setHeader: (name: string, value: string) => (headers[name] = value) } as unknown as ServerResponse;
  const req = { headers: header === undefined ? {} : { 'x-request-id': header } } as IncomingMessage;
  return { id: requestIdFor(req, res), echoed: headers['x-request-id'] };
}

describe('requestIdFor', () => {
  it('keeps a well-formed id from the proxy and echoes it', () => {
    expect(call('lb-0123456789')).toEqual({ id: 'lb-0123456789', echoed: 'lb-0123456789' });
  });

  it('replaces a missing or unsafe id with a new UUID', () => {
    for (const header of [undefined, 'x', 'bad id with spaces', '<script>alert(1)</script>']) {
      const { id, echoed } = call(header);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(echoed).toBe(id);
    }
  });
});
