/**
 * What the browser says about Quire's storage: whether it is persistent (never cleared by the
 * browser to free space) and how much is used of how much. Pure functions over the
 * StorageManager the caller hands in, so every missing or failing API can be tested.
 */

/** The part of `navigator.storage` used here; any of it may be missing (older browsers, some Electron builds). */
export interface StorageManagerLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

export interface StorageStatus {
  /** true persistent, false best effort, null the browser cannot say. */
  persisted: boolean | null;
  /** Bytes used and the most the browser will give, when it says. */
  usage: number | null;
  quota: number | null;
  /** Whether this browser can be asked for persistent storage at all. */
  canAsk: boolean;
}

/** The browser's StorageManager, or null where there is none (e.g. an insecure context). */
export function browserStorage(): StorageManagerLike | null {
  return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null;
}

const orNull = async <T>(read: (() => Promise<T>) | undefined): Promise<T | null> => {
  if (!read) return null;
  try {
    return await read();
  } catch {
    return null; // a refusal is "unknown", not a failure of the app
  }
};

/** Reads the status; never throws. */
export async function readStorageStatus(
  storage: StorageManagerLike | null,
): Promise<StorageStatus> {
  const [persisted, estimate] = await Promise.all([
    orNull(storage?.persisted?.bind(storage)),
    orNull(storage?.estimate?.bind(storage)),
  ]);
  const number = (n: number | undefined) =>
    typeof n === 'number' && Number.isFinite(n) ? n : null;
  return {
    persisted,
    usage: number(estimate?.usage),
    quota: number(estimate?.quota),
    canAsk: typeof storage?.persist === 'function',
  };
}

/** Asks for persistent storage; true when granted. Never throws (a refusal is false). */
export async function requestPersistence(storage: StorageManagerLike | null): Promise<boolean> {
  return (await orNull(storage?.persist?.bind(storage))) === true;
}

/** "512 bytes", "1.2 MB", "10 GB": decimal units, as the operating system shows disk sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  // Up a unit whenever the number would be shown as 1000 or more ("1000 kB" is "1.0 MB").
  while (value >= 999.5 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value < 9.95 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** "1.2 MB used of 10 GB Quire may use", or what is known of it. */
export function describeSpace({ usage, quota }: Pick<StorageStatus, 'usage' | 'quota'>): string {
  if (usage === null && quota === null) return 'The browser does not say how much space is used.';
  if (quota === null) return `${formatBytes(usage!)} used.`;
  const left = usage === null ? null : Math.max(0, quota - usage);
  return usage === null
    ? `Quire may use up to ${formatBytes(quota)}.`
    : `${formatBytes(usage)} used of ${formatBytes(quota)} Quire may use (${formatBytes(left!)} left).`;
}
