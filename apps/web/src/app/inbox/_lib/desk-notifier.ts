/**
 * Tells an agent who is looking elsewhere that something needs them: a desktop
 * notification and a short chime, only while the inbox tab is in the background and only
 * if they allowed notifications. In the foreground the inbox itself shows it.
 */
export function inBackground(): boolean {
  return document.visibilityState === "hidden" || !document.hasFocus();
}

export function notificationsAllowed(): boolean {
  return typeof Notification !== "undefined" && Notification.permission === "granted";
}

export function notifyAgent(title: string, body: string, onClick?: () => void): boolean {
  if (!notificationsAllowed() || !inBackground()) return false;
  const notification = new Notification(title, { body, tag: `${title}:${body}`.slice(0, 120), icon: "/icon.svg" });
  notification.onclick = () => {
    window.focus();
    onClick?.();
    notification.close();
  };
  playChime();
  return true;
}

let audio: AudioContext | null = null;

/** Two soft notes, made on the spot: no sound file to fetch. */
export function playChime() {
  try {
    audio ??= new AudioContext();
    const start = audio.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.16, 1320],
    ] as const) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.15, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.3);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.32);
    }
  } catch {
    // No audio here (or not allowed yet): the notification alone will do.
  }
}
