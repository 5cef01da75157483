// The post composer's browser side: what the server cannot do from afar.
// - Keys: while mention suggestions are open (the textarea has aria-activedescendant), arrows, Enter,
//   Tab and Escape work the list instead of the text; Ctrl+Enter sends. The server decides what each
//   key does (its keydown handler); here only the browser's own action is stopped.
// - Caret: the server reads the "@name" before the caret, so it is told where the caret is whenever
//   that is not simply the end of the text.
// - Size: a paste far beyond the limit is kept in the field but not sent over the circuit (which
//   would drop the connection); the server is told only how long it is.
// - Drafts: kept in localStorage per member and thread until sent (ADR 0020).

const listKeys = new Set(['ArrowDown', 'ArrowUp', 'Enter', 'Tab', 'Escape']);
const draftPrefix = 'portal.draft.';
const draftLifetimeMs = 14 * 24 * 60 * 60 * 1000;

export function attach(root, dotnet, maxBytes) {
    const field = root.querySelector('textarea');
    if (!field || field.dataset.composerAttached) {
        return;
    }
    field.dataset.composerAttached = 'true';
    let reportedCaret = -1;

    const reportCaret = fromInput => {
        const caret = field.selectionStart === field.value.length ? -1 : field.selectionStart;
        if (caret !== reportedCaret) {
            reportedCaret = caret;
            dotnet.invokeMethodAsync('CaretMoved', caret, fromInput);
        }
    };

    field.addEventListener('keydown', e => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
        } else if (listKeys.has(e.key) && field.getAttribute('aria-activedescendant') && !e.shiftKey && !e.altKey) {
            e.preventDefault();
        }
    });
    // Runs before Blazor's own listener (on the document), so the caret arrives before the text.
    field.addEventListener('input', e => {
        const bytes = field.value.length * 3 > maxBytes ? new TextEncoder().encode(field.value).length : 0;
        if (bytes > maxBytes) {
            // Not passed on to Blazor: the text stays in the field, the server hears its length.
            e.stopPropagation();
            dotnet.invokeMethodAsync('HeldBack', field.value.length);
            return;
        }
        reportCaret(true);
    });
    field.addEventListener('keyup', e => {
        if (e.key.startsWith('Arrow') || e.key === 'Home' || e.key === 'End') {
            reportCaret(false);
        }
    });
    field.addEventListener('click', () => reportCaret(false));
}

export function loadDraft(key) {
    try {
        const stored = JSON.parse(localStorage.getItem(draftPrefix + key) ?? 'null');
        if (!stored || typeof stored.text !== 'string' || Date.now() - stored.savedAt > draftLifetimeMs) {
            localStorage.removeItem(draftPrefix + key);
            return null;
        }
        return stored.text;
    } catch {
        return null;
    }
}

export function saveDraft(key, text) {
    try {
        if (text && text.trim().length > 0) {
            localStorage.setItem(draftPrefix + key, JSON.stringify({ text, savedAt: Date.now() }));
        } else {
            localStorage.removeItem(draftPrefix + key);
        }
    } catch {
        // Storage full or blocked: the draft lives on in the field for as long as the page does.
    }
}
