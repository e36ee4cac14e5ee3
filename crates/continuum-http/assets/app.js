/*
 * Continuum: progressive enhancement. Every page works without this file.
 *
 * Load with <script src="/assets/app.js" defer></script>; no inline script
 * or handler is needed (CSP script-src 'self'). Listeners sit on the
 * document, so they also cover content swapped in later by htmx, and nothing
 * here depends on htmx being present.
 *
 * 1. Switchers: a <select> in <form class="switcher"> (language, prison) or
 *    any <select data-autosubmit> submits its form when a value is picked
 *    with the mouse or by touch. A change made with the keyboard (arrow keys
 *    on a closed list) does not submit, so keyboard users can move through
 *    the options without being taken away (WCAG 3.2.2); they use the form's
 *    button, which always stays.
 * 2. Confirmation: a form, or the submit button used, with
 *    data-confirm="question" asks the question first and is not sent if the
 *    user cancels. The capture listener runs before htmx's own handlers.
 */
(function () {
  "use strict";

  /** The select that was last changed by a key press, if any. */
  var keyedSelect = null;

  function isSwitcherSelect(element) {
    if (!element || element.tagName !== "SELECT" || !element.form) {
      return false;
    }
    return (
      element.hasAttribute("data-autosubmit") ||
      element.form.classList.contains("switcher")
    );
  }

  function submitForm(form) {
    if (typeof form.requestSubmit === "function") {
      // Fires the submit event, so data-confirm and htmx still apply.
      form.requestSubmit();
    } else {
      form.submit();
    }
  }

  document.addEventListener(
    "keydown",
    function (event) {
      if (isSwitcherSelect(event.target) && event.key !== "Tab") {
        keyedSelect = event.target;
      }
    },
    true
  );

  document.addEventListener(
    "pointerdown",
    function () {
      keyedSelect = null;
    },
    true
  );

  document.addEventListener(
    "mousedown",
    function () {
      keyedSelect = null;
    },
    true
  );

  document.addEventListener("change", function (event) {
    var select = event.target;
    if (!isSwitcherSelect(select)) {
      return;
    }
    if (keyedSelect === select) {
      return;
    }
    submitForm(select.form);
  });

  document.addEventListener(
    "submit",
    function (event) {
      var form = event.target;
      var submitter = event.submitter;
      var message = null;
      if (submitter && submitter.hasAttribute("data-confirm")) {
        message = submitter.getAttribute("data-confirm");
      } else if (form && form.hasAttribute && form.hasAttribute("data-confirm")) {
        message = form.getAttribute("data-confirm");
      }
      if (message && !window.confirm(message)) {
        event.preventDefault();
        event.stopPropagation();
      }
    },
    true
  );
})();
