import './style.css';
import {
  focusErrorSummary, initFacetDrawer, initFillButtons, initInlineValidation, initLiveSearch, initRelatedSuggestions,
  initDirtyGuard,
} from './enhance.js';

document.documentElement.classList.add('js');

// Pages are complete without JavaScript; this file only enhances them.

const DISPLAY_KEY = 'keyida.display';

// Large-text / high-contrast switch (适老化), remembered across visits.
function applyDisplay(mode) {
  document.documentElement.dataset.display = mode || '';
  document.querySelectorAll('[data-display-toggle]').forEach((button) => {
    button.setAttribute('aria-pressed', String(button.dataset.displayToggle === mode));
  });
}

function initDisplaySwitch() {
  applyDisplay(localStorage.getItem(DISPLAY_KEY));
  document.querySelectorAll('[data-display-toggle]').forEach((button) => {
    button.hidden = false;
    button.addEventListener('click', () => {
      const mode = button.dataset.displayToggle;
      const next = document.documentElement.dataset.display === mode ? '' : mode;
      localStorage.setItem(DISPLAY_KEY, next);
      applyDisplay(next);
    });
  });
}

// Destructive staff actions ask first.
function initConfirmations() {
  document.querySelectorAll('form[data-confirm]').forEach((form) => {
    form.addEventListener('submit', (event) => {
      if (event.defaultPrevented) return; // refused already (unsaved edits)
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });
}

// Which result was opened, for the staff's search statistics (no personal data).
function initClickLog() {
  const results = document.querySelector('[data-query]');
  if (!results || !navigator.sendBeacon) return;
  results.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-result]');
    if (!link) return;
    const body = JSON.stringify({ q: results.dataset.query, slug: link.dataset.result });
    navigator.sendBeacon('/api/search/click', new Blob([body], { type: 'text/plain' }));
  });
}

// Search-as-you-type: a listbox under each search box, driven by /api/suggest, usable by keyboard.
function initSuggest(input, index) {
  const list = document.createElement('ul');
  list.id = `suggest-${index}`;
  list.className = 'suggest';
  list.setAttribute('role', 'listbox');
  list.hidden = true;
  input.parentElement.style.position = 'relative';
  input.parentElement.appendChild(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('autocomplete', 'off');
  let active = -1;
  let timer;
  let controller;

  const close = () => {
    list.hidden = true;
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const highlight = (i) => {
    const items = list.querySelectorAll('[role=option]');
    items.forEach((el, j) => el.setAttribute('aria-selected', String(j === i)));
    active = i;
    if (i >= 0) input.setAttribute('aria-activedescendant', items[i].id);
  };
  const render = (suggestions) => {
    list.replaceChildren();
    suggestions.forEach((s, i) => {
      const li = document.createElement('li');
      li.id = `${list.id}-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      const a = document.createElement('a');
      a.href = s.url;
      a.textContent = s.title;
      a.tabIndex = -1;
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = suggestions.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) return close();
    timer = setTimeout(async () => {
      controller?.abort();
      controller = new AbortController();
      try {
        const response = await fetch(`/api/suggest?q=${encodeURIComponent(q)}`, { signal: controller.signal });
        if (response.ok) render(await response.json());
      } catch {
        /* suggestions are optional */
      }
    }, 150);
  });
  input.addEventListener('keydown', (event) => {
    const count = list.querySelectorAll('[role=option]').length;
    if (list.hidden || count === 0) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      highlight((active + 1) % count);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      highlight((active - 1 + count) % count);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      window.location.href = list.querySelectorAll('a')[active].href;
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 200));
}

document.addEventListener('DOMContentLoaded', () => {
  initDisplaySwitch();
  initDirtyGuard();
  initConfirmations();
  initClickLog();
  document.querySelectorAll('input[type=search][name=q]').forEach(initSuggest);
  focusErrorSummary();
  initInlineValidation();
  initLiveSearch();
  initFacetDrawer();
  initRelatedSuggestions();
  initFillButtons();
});
