import type { ReactiveController, ReactiveControllerHost } from 'lit';

const SHOW_DELAY_MS = 150;
const HIDE_DELAY_MS = 200;

let nextId = 0;

export interface TooltipTriggerOptions {
  show: (reason: 'hover' | 'focus') => void;
  hide: (reason: 'pointer' | 'blur') => void;
}

/**
 * A tooltip's triggers on the host's own control: hover (with a short delay each way, so passing the pointer over
 * it does not flash a tooltip) and keyboard focus; and `aria-describedby` on the control while bound, the host's
 * own value kept and restored exactly. The control is only listened to, never otherwise changed.
 */
export class TooltipTriggerController implements ReactiveController {
  #anchor: Element | null = null;
  #timer?: ReturnType<typeof setTimeout>;
  #describedBy: { el: Element; previous: string | null } | null = null;
  readonly #uid = `ehr-tip-${++nextId}`;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: TooltipTriggerOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.bind(null);
  }

  /** The control whose hover and focus open the tooltip (`null`: none). */
  bind(anchor: Element | null): void {
    if (anchor === this.#anchor) return;
    const previous = this.#anchor;
    if (previous) {
      previous.removeEventListener('pointerenter', this.#onEnter);
      previous.removeEventListener('pointerleave', this.#onLeave);
      previous.removeEventListener('focusin', this.#onFocus);
      previous.removeEventListener('focusout', this.#onBlur);
      this.#restoreDescribedBy();
    }
    clearTimeout(this.#timer);
    this.#anchor = anchor;
    if (anchor) {
      anchor.addEventListener('pointerenter', this.#onEnter);
      anchor.addEventListener('pointerleave', this.#onLeave);
      anchor.addEventListener('focusin', this.#onFocus);
      anchor.addEventListener('focusout', this.#onBlur);
      this.#describe(anchor);
      // Bound a moment after the control appeared (the trigger loads with the first tooltip): a control that
      // already has focus or the pointer gets its tooltip as if the event had come now.
      if (anchor.matches(':focus-within')) this.#onFocus();
      else if (anchor.matches(':hover')) this.#onEnter();
    }
  }

  /** The pointer is over the tooltip itself (WCAG 1.4.13: hoverable): it stays open. */
  keepOpen(): void {
    clearTimeout(this.#timer);
  }

  /** The pointer left the tooltip: close after the delay unless the control has focus. */
  leave(): void {
    this.#onLeave();
  }

  /**
   * Links the control to the tooltip for screen readers. ARIA ids do not cross shadow roots, so this happens only
   * when the control and the tip share a root.
   */
  #describe(anchor: Element): void {
    if (anchor.getRootNode() !== this.host.getRootNode()) return;
    if (!this.host.id) this.host.id = this.#uid;
    const previous = anchor.getAttribute('aria-describedby');
    const ids = (previous ?? '').split(/\s+/).filter(Boolean);
    if (!ids.includes(this.host.id)) {
      anchor.setAttribute('aria-describedby', [...ids, this.host.id].join(' '));
      this.#describedBy = { el: anchor, previous };
    }
  }

  #restoreDescribedBy(): void {
    const record = this.#describedBy;
    if (!record) return;
    if (record.previous === null) record.el.removeAttribute('aria-describedby');
    else record.el.setAttribute('aria-describedby', record.previous);
    this.#describedBy = null;
  }

  #onEnter = () => {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.options.show('hover'), SHOW_DELAY_MS);
  };

  #onLeave = () => {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      if (!this.#anchor?.matches(':focus-within')) this.options.hide('pointer');
    }, HIDE_DELAY_MS);
  };

  #onFocus = () => {
    clearTimeout(this.#timer);
    this.options.show('focus');
  };

  #onBlur = () => {
    clearTimeout(this.#timer);
    this.options.hide('blur');
  };
}
