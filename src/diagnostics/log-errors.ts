import { logEvent } from './session-log';

/** Uncaught errors and unhandled rejections go to the session's log as well as the console. */
export function logUncaughtErrors(): void {
  window.addEventListener('error', (event) => {
    logEvent({ level: 'error', component: 'app', message: `Uncaught: ${event.message}` });
  });
  window.addEventListener('unhandledrejection', (event) => {
    const reason: unknown = event.reason;
    const message = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
    logEvent({ level: 'error', component: 'app', message: `Unhandled rejection: ${message}` });
  });
}
