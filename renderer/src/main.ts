import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { i18n } from './i18n';
import { router } from './router';
import { useKioskStore } from './stores/kiosk';
import { visitWipePlugin } from './stores/visit-wipe';
import './styles/kiosk.css';

const pinia = createPinia();
pinia.use(visitWipePlugin);

const app = createApp(App).use(pinia).use(router).use(i18n);
await useKioskStore(pinia).load();
app.mount('#app');
