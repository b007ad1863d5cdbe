import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { reachesNetwork } from '../lib/api.ts';
import { emit } from '../lib/events.ts';
import { nextTask } from '../lib/idle.ts';
import { baseStyles, buttonStyles } from '../styles/shared.ts';
import type { ViewContext } from './view-context.ts';
import { viewStyles } from './view-styles.ts';

/** What every view element shares: the shell's context, base styles, focus after navigation. */
export class ViewElement extends LitElement {
  static styles = [baseStyles, buttonStyles, viewStyles];

  /** Set by the shell before the first render. */
  @property({ attribute: false }) ctx!: ViewContext;

  /**
   * Upgraded in place: the shell rendered this element before the view's chunk arrived (the first
   * view of a visit). Created by a render, an element is not connected yet when constructed.
   */
  private readonly _upgraded = this.isConnected;

  /**
   * An upgraded view renders a task after the one that evaluated its chunk and upgraded it: two
   * shorter start-up tasks instead of one long one (as TdApp does).
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated && this._upgraded) await nextTask();
    super.scheduleUpdate();
  }

  /** Move focus to the view's heading (after a navigation), so screen readers announce it. */
  focusHeading(): void {
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true }),
    );
  }

  /**
   * Tell the shell whether the API answered. A list answered while no worker controls the page came
   * from the server itself; with a worker in between, only failures say something.
   */
  protected reportReach(reachable: boolean, direct = reachesNetwork()): void {
    if (!reachable || direct) emit(this, 'reachability-change', { reachable });
  }
}
