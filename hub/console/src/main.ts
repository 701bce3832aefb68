import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { i18n } from './i18n';
import { router } from './router';
import { useSessionStore } from './stores/session';
import './console.css';

const pinia = createPinia();
const app = createApp(App).use(pinia).use(i18n);
await useSessionStore(pinia).load();
app.use(router).mount('#app');
