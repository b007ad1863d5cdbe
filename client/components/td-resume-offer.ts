import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ResumeOffer } from '../controllers/queue-sync.ts';
import { coverAt } from '../lib/cover-size.ts';
import { emit } from '../lib/events.ts';
import { formatTime } from '../lib/format.ts';
import { iconClose } from '../lib/icons.ts';
import { iconResume } from '../lib/icons-more.ts';
import { baseStyles, buttonStyles } from '../styles/shared.ts';
import { coverStyles, renderCover } from './cover.ts';

/** "Pick up where you left off": the queue saved on the server, offered when nothing plays here. */
@customElement('td-resume-offer')
export class TdResumeOffer extends LitElement {
  static styles = [
    baseStyles,
    buttonStyles,
    coverStyles,
    css`
      :host {
        position: fixed;
        z-index: 24;
        left: 50%;
        bottom: calc(var(--td-player-h) + var(--td-player-pad-bottom) + var(--td-below-player) + 0.75rem);
        transform: translateX(-50%);
        width: min(30rem, calc(100vw - 1.5rem));
      }
      section {
        display: grid;
        grid-template-columns: 48px minmax(0, 1fr) auto auto;
        align-items: center;
        gap: 0.75rem;
        padding: 0.6rem 0.5rem 0.6rem 0.6rem;
        border: 1px solid var(--td-border);
        border-radius: 14px;
        background: var(--td-surface);
        box-shadow: var(--td-shadow);
      }
      .text {
        display: flex;
        flex-direction: column;
        min-width: 0;
        font-size: 0.85rem;
      }
      strong,
      .sub {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .sub {
        color: var(--td-muted);
      }
    `,
  ];

  @property({ attribute: false }) offer: ResumeOffer | null = null;

  render() {
    const offer = this.offer;
    if (!offer) return nothing;
    const { song, queue } = offer;
    const where = offer.elsewhere ? 'from another device' : 'from last time';
    return html`<section role="region" aria-label="Pick up where you left off" data-testid="resume-offer">
      ${renderCover(coverAt(song.coverUrl, 48), song.album ?? song.title)}
      <div class="text">
        <strong>Pick up where you left off</strong>
        <span class="sub">${song.title} · ${song.artist}, at ${formatTime(queue.position)} (${where})</span>
      </div>
      <button class="btn btn-primary" data-testid="resume-queue" @click=${() => emit(this, 'resume-request')}>
        ${iconResume()}<span>Resume</span></button>
      <button class="icon-button" aria-label="Dismiss" @click=${() => emit(this, 'close-request')}>${iconClose()}</button>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'td-resume-offer': TdResumeOffer;
  }
}
