import { isAppUrl, type RendererEntry } from '../window/renderer-entry.ts';

/** The parts of an IpcMainInvokeEvent the check reads; structural so tests can build one. */
export interface IpcSenderLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * Only the top frame of our own window, showing our own page, may call the main process.
 * An iframe (parent !== null), another window, or our window after it somehow navigated
 * elsewhere is refused. senderFrame is null when the frame is already gone: refused too.
 */
export function isTrustedSender(
  event: IpcSenderLike,
  trustedContentsId: number | undefined,
  entry: RendererEntry,
): boolean {
  const frame = event.senderFrame;
  if (trustedContentsId === undefined || event.sender.id !== trustedContentsId) return false;
  if (frame === null || frame.parent !== null) return false;
  return isAppUrl(frame.url, entry);
}
