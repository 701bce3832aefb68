import { describe, expect, it } from 'vitest';
import { createApp, type Ref } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { errorPayload, type ErrorCode } from '../../shared/errors';
import type { KioskErrorPayload } from '../../shared/result';

// The renderer belongs to the web type-check project, not this one: imported by a runtime path.
const coreStepModule = '../../renderer/src/composables/use-core-step.ts';
const callErrorModule = '../../renderer/src/api/call-error.ts';
interface CoreStep {
  busy: Ref<boolean>;
  error: Ref<KioskErrorPayload | null>;
  run(action: () => Promise<void>): Promise<void>;
}
const { useCoreStep } = (await import(/* @vite-ignore */ coreStepModule)) as {
  useCoreStep(options?: { routeOn?: Partial<Record<ErrorCode, string>> }): CoreStep;
};
const { KioskCallError } = (await import(/* @vite-ignore */ callErrorModule)) as {
  KioskCallError: new (payload: KioskErrorPayload) => Error;
};

const refusal = (code: ErrorCode) => new KioskCallError(errorPayload(code));

describe('useCoreStep, the one way a screen runs a call to the core', () => {
  it('keeps the core’s refusal with its English and Kiswahili message, and is free again after it', async () => {
    const step = useCoreStep();
    await step.run(async () => {
      throw refusal('recovery.lockedOut');
    });
    expect(step.error.value?.code).toBe('recovery.lockedOut');
    expect(step.error.value?.message.en).toBeTruthy();
    expect(step.error.value?.message.sw).toBeTruthy();
    expect(step.busy.value).toBe(false);

    await step.run(async () => undefined);
    expect(step.error.value).toBeNull();
  });

  it('does nothing on a second tap while the first action runs', async () => {
    const step = useCoreStep();
    let release: () => void = () => undefined;
    let runs = 0;
    const slow = () => {
      runs += 1;
      return new Promise<void>((resolve) => (release = resolve));
    };
    const first = step.run(slow);
    expect(step.busy.value).toBe(true);
    await step.run(slow);
    expect(runs).toBe(1);
    release();
    await first;
    expect(step.busy.value).toBe(false);
  });

  it('lets a failure that is not a refusal through, never shown as one', async () => {
    const step = useCoreStep();
    await expect(step.run(() => Promise.reject(new Error('bug')))).rejects.toThrow('bug');
    expect(step.error.value).toBeNull();
    expect(step.busy.value).toBe(false);
  });

  it('takes a refusal named in routeOn to its screen instead of showing it; others still show', async () => {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: ['/', '/counter'].map((path) => ({ path, name: path === '/' ? 'start' : 'counter', component: { render: () => null } })),
    });
    await router.push('/');
    const app = createApp({ render: () => null }).use(router);
    const step = app.runWithContext(() => useCoreStep({ routeOn: { 'recovery.lockedOut': 'counter' } }));

    await step.run(async () => {
      throw refusal('recovery.notFound');
    });
    expect(step.error.value?.code).toBe('recovery.notFound');
    expect(router.currentRoute.value.name).toBe('start');

    await step.run(async () => {
      throw refusal('recovery.lockedOut');
    });
    expect(step.error.value).toBeNull();
    expect(router.currentRoute.value.name).toBe('counter');
  });
});
