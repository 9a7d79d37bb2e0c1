// Turning push on and off on this device: the browser subscribes with Paraat's public VAPID key
// through the service worker that is registered for the app, and the subscription is stored for
// the signed-in user (POST /api/v1/push-subscriptions). Without a registered service worker
// (Paraat not installed or not yet loaded as an app) push cannot work, and we say so.
import { apiRequest } from './api';

export type PushState = 'niet-ondersteund' | 'geen-app' | 'uit' | 'aan' | 'geweigerd';

async function registration(): Promise<ServiceWorkerRegistration | undefined> {
	if (!('serviceWorker' in navigator) || !('PushManager' in window)) return undefined;
	return navigator.serviceWorker.getRegistration();
}

export async function pushState(): Promise<PushState> {
	if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return 'niet-ondersteund';
	if (Notification.permission === 'denied') return 'geweigerd';
	const reg = await registration();
	if (!reg) return 'geen-app';
	return (await reg.pushManager.getSubscription()) ? 'aan' : 'uit';
}

/** Subscribes this device; resolves with a Dutch message when it did not work. */
export async function enablePush(): Promise<string | null> {
	const reg = await registration();
	if (!reg) return 'Pushberichten werken alleen als Paraat als app is geïnstalleerd of geladen (de service worker ontbreekt).';
	const key = await apiRequest<{ publicKey: string }>('GET', '/api/v1/push-subscriptions/public-key');
	if (!key.ok) return key.error.message;
	if ((await Notification.requestPermission()) !== 'granted') return 'Je browser staat meldingen van Paraat niet toe. Zet ze aan in de instellingen van de browser.';
	let subscription: PushSubscription;
	try {
		subscription = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key.data.publicKey });
	} catch {
		return 'De browser kon zich niet aanmelden bij zijn pushdienst. Probeer het later opnieuw.';
	}
	const saved = await apiRequest('POST', '/api/v1/push-subscriptions', subscription.toJSON());
	return saved.ok ? null : saved.error.message;
}

export async function disablePush(): Promise<string | null> {
	const subscription = await (await registration())?.pushManager.getSubscription();
	if (!subscription) return null;
	const removed = await apiRequest('DELETE', '/api/v1/push-subscriptions', { endpoint: subscription.endpoint });
	await subscription.unsubscribe();
	return removed.ok || removed.error.status === 404 ? null : removed.error.message;
}
