import { Injectable, signal } from '@angular/core';

/**
 * Connects the app bar's menu button with the deferred signed-in frame that holds the menu,
 * without the bar importing the frame (which would pull it into the first bundle).
 */
@Injectable({ providedIn: 'root' })
export class ShellMenu {
  /** Whether the menu is open, for the button's `aria-expanded`. */
  readonly opened = signal(false);
  private toggler: (() => void) | null = null;
  /** A press of the button that came before the frame was loaded, carried out once it is. */
  private pending = false;

  /** The frame registers how to open and close its menu; call the result when it goes away. */
  attach(toggle: () => void): () => void {
    this.toggler = toggle;
    if (this.pending) {
      this.pending = false;
      toggle();
    }
    return () => {
      if (this.toggler === toggle) this.toggler = null;
      this.opened.set(false);
    };
  }

  toggle(): void {
    if (this.toggler) this.toggler();
    else this.pending = !this.pending;
  }
}
