// Kept apart from test-hub.ts so a child kiosk process loads only the kiosk, never the hub.

/** Kiosk sync settings for tests: short timers and quick retries, so faults heal in seconds. */
export function fastSyncSettings(hubUrl: string, kioskToken: string, overrides: Record<string, number> = {}) {
  return {
    sync: {
      hubUrl,
      kioskToken,
      requestTimeoutSeconds: 1,
      retryBaseSeconds: 0.05,
      retryMaxSeconds: 0.5,
      uploadIntervalSeconds: 1,
      downloadIntervalSeconds: 1,
      heartbeatIntervalSeconds: 5,
      ...overrides,
    },
  };
}
