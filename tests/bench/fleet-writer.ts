/**
 * The back office at work during the fleet run: a few citizens' phone numbers changed every
 * second through the hub's admin route, one edit a request, so every kiosk's delta download
 * carries real rows.
 */
export function startReplicaWriter(hubUrl: string, adminToken: string, citizenIds: number[], rowsPerSecond: number): { stop(): Promise<{ edits: number; errors: string[] }> } {
  let edits = 0;
  const errors: string[] = [];
  let stopped = false;
  let inFlight: Promise<void> = Promise.resolve();
  const write = async () => {
    const id = citizenIds[edits % citizenIds.length];
    const phone = `+2547${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    try {
      const response = await fetch(new URL('/admin/v1/replica', hubUrl), {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ edits: [{ table: 'citizens', upserts: [{ id, phone, updated_at: new Date().toISOString() }] }] }),
      });
      await response.text();
      if (response.status !== 204) errors.push(`replica edit answered ${response.status}`);
      else edits++;
    } catch (error) {
      errors.push(`replica edit: ${(error as Error).message}`);
    }
  };
  const timer = setInterval(() => {
    if (!stopped) inFlight = inFlight.then(write);
  }, 1000 / rowsPerSecond);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await inFlight;
      return { edits, errors };
    },
  };
}
