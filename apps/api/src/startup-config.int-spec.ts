import { builtEntryPoint, integrationEnv, startNodeProcess } from '@dspt/server/testing';

describe.each(['api', 'worker'] as const)('%s start-up with bad configuration', (app) => {
  it('stops with exit code 1 and one line naming DATABASE_URL, no stack trace, no secret', async () => {
    const running = startNodeProcess(
      builtEntryPoint(app),
      integrationEnv({ DATABASE_URL: 'mysql://admin:hunter2-secret@db.example/dspt' }),
    );
    expect(await running.waitForExit()).toBe(1);
    const lines = running.output().trim().split('\n');
    expect(lines).toEqual(['Invalid configuration: DATABASE_URL must be a URL starting postgres:// or postgresql://']);
    expect(running.output()).not.toContain('hunter2-secret');
  });

  it('names a malformed PORT', async () => {
    const running = startNodeProcess(builtEntryPoint(app), integrationEnv({ PORT: 'eighty' }));
    expect(await running.waitForExit()).toBe(1);
    expect(running.output().trim()).toMatch(/^Invalid configuration: PORT is invalid \(PORT must be a number\)$/);
  });
});
