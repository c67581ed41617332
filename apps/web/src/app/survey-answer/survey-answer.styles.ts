import { PLAIN_BUTTON_STYLES } from '../shared/plain-button.styles';

/** The answering page around the questions: header, progress line, messages, navigation. */
export const pageStyles = `
    ${PLAIN_BUTTON_STYLES}
    .loading {
      padding: 32px 0;
      font: var(--mat-sys-title-medium);
    }
    .survey-header h1 {
      margin: 0;
      font: var(--mat-sys-headline-small);
      overflow-wrap: anywhere;
    }
    .owner {
      margin: 4px 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .intro {
      margin: 16px 0 0;
      white-space: pre-line;
    }
    .note {
      margin: 12px 0 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .resumed {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      margin-block-start: 16px;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .resumed p {
      flex: 1 1 200px;
      margin: 0;
    }
    .survey-page {
      margin-block-start: 24px;
    }
    .progress {
      margin: 0 0 6px;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .progress-track {
      block-size: 6px;
      border-radius: 3px;
      background: linear-gradient(
        to right,
        var(--mat-sys-primary) calc(var(--done) * 100%),
        var(--mat-sys-surface-container-highest) 0
      );
    }
    .done {
      outline: none;
    }
    h2 {
      scroll-margin-block-start: 88px;
      margin: 16px 0;
      font: var(--mat-sys-title-large);
      outline: none;
    }
    .questions {
      display: flex;
      flex-direction: column;
      gap: 32px;
    }
    .failure,
    .page-problem {
      margin: 0;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .failure h3 {
      margin: 0 0 4px;
      font: var(--mat-sys-title-medium);
    }
    .failure p {
      margin: 0 0 8px;
    }
    .nav {
      display: flex;
      justify-content: space-between;
      gap: 12px;
    }
    .nav .filled {
      margin-inline-start: auto;
      min-inline-size: 140px;
    }
`;

/** One question: large native inputs, every target at least 48 px. */
export const answerStyles = `
  :host {
    display: block;
  }
  input,
  textarea,
  button {
    /* Focus moved here (a problem) must not land under the sticky app bar. */
    scroll-margin-block-start: 88px;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend,
  .title-label {
    display: block;
    padding: 0;
    margin-block-end: 8px;
    font: var(--mat-sys-title-medium);
    color: var(--mat-sys-on-surface);
  }
  .required {
    margin-inline-start: 6px;
    font: var(--mat-sys-body-medium);
    color: var(--mat-sys-on-surface-variant);
  }
  .help,
  .hint,
  .counter {
    margin: 0 0 8px;
    font: var(--mat-sys-body-medium);
    color: var(--mat-sys-on-surface-variant);
    white-space: pre-line;
  }
  .counter {
    margin-block-start: 4px;
    text-align: end;
  }
  .options {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .option {
    display: flex;
    align-items: center;
    gap: 12px;
    box-sizing: border-box;
    min-block-size: 56px;
    padding: 8px 16px;
    border: 1px solid var(--mat-sys-outline-variant);
    border-radius: var(--mat-sys-corner-medium);
    background: var(--mat-sys-surface);
    font: var(--mat-sys-body-large);
    cursor: pointer;
  }
  .option:has(input:checked) {
    border-color: var(--mat-sys-primary);
    background: var(--mat-sys-primary-container);
    color: var(--mat-sys-on-primary-container);
  }
  .option input {
    flex: none;
    inline-size: 24px;
    block-size: 24px;
    margin: 0;
    accent-color: var(--mat-sys-primary);
  }
  .matrix-row {
    margin-block-end: 16px;
  }
  .matrix-row legend {
    font: var(--mat-sys-body-large);
    font-weight: 600;
  }
  .scale {
    display: grid;
    grid-template-columns: repeat(5, minmax(48px, 1fr));
    gap: 8px;
  }
  .scale-step {
    position: relative;
    display: flex;
    align-items: center;
    justify-content: center;
    min-block-size: 56px;
    border: 1px solid var(--mat-sys-outline);
    border-radius: var(--mat-sys-corner-medium);
    font: var(--mat-sys-title-large);
    cursor: pointer;
  }
  .scale-step input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .scale-step:has(input:checked) {
    border-color: var(--mat-sys-primary);
    background: var(--mat-sys-primary);
    color: var(--mat-sys-on-primary);
  }
  .scale-step:has(input:focus-visible) {
    outline: 3px solid var(--mat-sys-primary);
    outline-offset: 2px;
  }
  .scale-ends {
    display: flex;
    justify-content: space-between;
    gap: 16px;
    margin: 8px 0 0;
    font: var(--mat-sys-body-medium);
    color: var(--mat-sys-on-surface-variant);
  }
  .scale-ends span:last-child {
    text-align: end;
  }
  .ranking {
    display: flex;
    flex-direction: column;
    gap: 8px;
    margin: 0 0 12px;
    padding: 0;
    list-style: none;
  }
  .ranking li {
    display: flex;
    align-items: center;
    gap: 8px;
    min-block-size: 56px;
    padding-inline: 12px 4px;
    border: 1px solid var(--mat-sys-outline-variant);
    border-radius: var(--mat-sys-corner-medium);
  }
  .ranking .position {
    flex: none;
    inline-size: 2ch;
    font: var(--mat-sys-title-medium);
    color: var(--mat-sys-primary);
  }
  .ranking .label {
    flex: 1;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .move {
    flex: none;
    inline-size: 48px;
    block-size: 48px;
    border: 0;
    border-radius: var(--mat-sys-corner-full);
    background: transparent;
    color: var(--mat-sys-primary);
    font-size: 20px;
    cursor: pointer;
  }
  .keep-order {
    min-block-size: 48px;
    padding: 0 24px;
    border: 1px solid var(--mat-sys-outline);
    border-radius: var(--mat-sys-corner-full);
    background: transparent;
    color: var(--mat-sys-primary);
    font: var(--mat-sys-label-large);
    cursor: pointer;
  }
  .move:hover,
  .keep-order:hover {
    background: color-mix(in srgb, var(--mat-sys-primary) 8%, transparent);
  }
  .move[aria-disabled='true'] {
    color: var(--mat-sys-outline);
    cursor: default;
  }
  input[type='text'],
  textarea {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 56px;
    padding: 12px 16px;
    border: 1px solid var(--mat-sys-outline);
    border-radius: var(--mat-sys-corner-extra-small);
    background: transparent;
    color: var(--mat-sys-on-surface);
    font: var(--mat-sys-body-large);
  }
  textarea {
    resize: vertical;
  }
  input[type='text']:focus,
  textarea:focus {
    outline: none;
    border: 2px solid var(--mat-sys-primary);
    padding-inline: 15px;
  }
  [aria-invalid='true']:is(input[type='text'], textarea) {
    border-color: var(--mat-sys-error);
  }
  .consent {
    margin-block-start: 12px;
    padding: 12px;
    border-radius: var(--mat-sys-corner-medium);
    background: var(--mat-sys-surface-container);
  }
  .consent p {
    margin: 0 0 8px;
    white-space: pre-line;
  }
  .problem {
    margin: 8px 0 0;
    font: var(--mat-sys-body-medium);
    font-weight: 600;
    color: var(--mat-sys-error);
  }
  .live:empty {
    margin: 0;
  }
  .live {
    margin: 8px 0 0;
    font: var(--mat-sys-body-medium);
  }
  .info h3 {
    margin: 0 0 8px;
    font: var(--mat-sys-title-medium);
  }
  .info .help {
    font: var(--mat-sys-body-large);
    color: var(--mat-sys-on-surface);
  }
`;
