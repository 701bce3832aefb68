/// <reference types="vite/client" />
import type { KioskApi } from '@shared/bridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser host, where the page builds its own. */
    kiosk?: KioskApi;
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
