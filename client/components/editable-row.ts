import { css, html } from 'lit';
import { emit } from '../lib/events.ts';
import { iconClose } from '../lib/icons.ts';
import { iconDrag } from '../lib/icons-more.ts';
import type { Song } from '../lib/library-types.ts';

/**
 * A playlist row being edited: a handle that drags (pointer) or moves with ↑/↓ (keyboard), the
 * song row, and a remove button. The list owns the order; this only asks (`reorder-request`).
 */
export function editableRow(
  host: HTMLElement,
  index: number,
  total: number,
  song: Song,
  row: unknown,
) {
  const onKey = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowUp' ? -1 : event.key === 'ArrowDown' ? 1 : 0;
    const to = event.key === 'Home' ? 0 : event.key === 'End' ? total - 1 : index + step;
    if (
      (step === 0 && event.key !== 'Home' && event.key !== 'End') ||
      to < 0 ||
      to >= total ||
      to === index
    )
      return;
    event.preventDefault();
    emit(host, 'reorder-request', { from: index, to });
  };
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer?.setData('application/x-tapedeck-index', String(index));
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
  };
  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer?.types.includes('application/x-tapedeck-index')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  };
  const onDrop = (event: DragEvent) => {
    const from = Number(event.dataTransfer?.getData('application/x-tapedeck-index'));
    event.preventDefault();
    if (Number.isInteger(from) && from !== index)
      emit(host, 'reorder-request', { from, to: index });
  };
  return html`<div class="edit-row" role="listitem" aria-posinset=${index + 1} aria-setsize=${total}
    data-index=${index} data-testid="playlist-entry" data-song-id=${song.id}
    @dragover=${onDragOver} @drop=${onDrop}>
    <button class="icon-button handle" draggable="true" data-testid="reorder-handle"
      aria-label="Move ${song.title}, position ${index + 1} of ${total}. Use the up and down arrow keys."
      title="Drag, or use ↑ and ↓" @keydown=${onKey} @dragstart=${onDragStart}>${iconDrag()}</button>
    ${row}
    <button class="icon-button remove" data-testid="remove-from-playlist" aria-label="Remove ${song.title} from the playlist"
      title="Remove from playlist" @click=${() => emit(host, 'remove-at-request', { index })}>${iconClose()}</button>
  </div>`;
}

export const editableRowStyles = css`
  .edit-row {
    display: grid;
    grid-template-columns: 2.25rem minmax(0, 1fr) 2.25rem;
    align-items: center;
    gap: 0.25rem;
    width: 100%;
  }
  .handle {
    cursor: grab;
  }
  .edit-row .icon-button {
    width: 2.25rem;
    height: 2.25rem;
  }
`;
