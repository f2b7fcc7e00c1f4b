import './style.css';

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

document.addEventListener('DOMContentLoaded', initDisplaySwitch);
