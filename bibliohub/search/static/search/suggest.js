/* Suggestions as one types in a search box (input[data-suggest-url]): the WAI-ARIA 1.2
   combobox with a listbox popup. Arrow keys move through the suggestions, Enter opens the
   highlighted one, Escape closes the list. Without this script the box is a plain search form,
   so the roles are added here, not in the HTML. The page may load this file more than once
   (the header box and the search page); each box is set up only once. */
(function () {
  "use strict";

  var DELAY = 150; // ms after the last keystroke before asking the server
  var MIN_LENGTH = 2;

  function normalise(text) {
    return text.trim().replace(/\s+/g, " ");
  }

  function setUp(input) {
    if (input.dataset.suggestReady) return;
    input.dataset.suggestReady = "1";

    var listId = (input.id || "search") + "-suggestions";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "suggest-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.dataset.suggestLabel || "Suggestions");
    list.hidden = true;

    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");

    input.insertAdjacentElement("afterend", list);
    list.insertAdjacentElement("afterend", status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var items = [];
    var active = -1;
    var timer = null;
    var controller = null;
    var shownFor = null;
    var answers = new Map();

    function isOpen() {
      return !list.hidden;
    }

    function open() {
      if (!items.length || document.activeElement !== input) return;
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      setActive(-1);
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function setActive(index) {
      var options = list.children;
      if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
      active = index;
      var option = active >= 0 ? options[active] : null;
      if (option) {
        option.setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", option.id);
        option.scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function announce(message) {
      status.textContent = message || "";
    }

    function go(index) {
      var item = items[index];
      if (item) window.location.assign(item.url);
    }

    function show(query, suggestions) {
      shownFor = query;
      items = suggestions;
      setActive(-1);
      list.textContent = "";
      suggestions.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.className = "suggest-option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var title = document.createElement("span");
        title.className = "suggest-title";
        title.textContent = item.title;
        var kind = document.createElement("span");
        kind.className = "suggest-kind";
        kind.textContent = item.kind_label;
        option.append(title, " ", kind);
        // Keep the focus in the box when an option is pressed with the mouse.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
        });
        option.addEventListener("click", function () {
          go(index);
        });
        list.appendChild(option);
      });
      if (items.length) {
        open();
        announce((input.dataset.suggestCount || "%(count)s").replace("%(count)s", items.length));
      } else {
        close();
        announce(query.length >= MIN_LENGTH ? input.dataset.suggestNone : "");
      }
    }

    function ask() {
      var query = normalise(input.value);
      if (controller) {
        controller.abort();
        controller = null;
      }
      if (query.length < MIN_LENGTH) {
        show(query, []);
        return;
      }
      if (query === shownFor) {
        open();
        return;
      }
      if (answers.has(query)) {
        show(query, answers.get(query));
        return;
      }
      var url = new URL(input.dataset.suggestUrl, window.location.href);
      url.searchParams.set("q", query);
      var mine = new AbortController();
      controller = mine;
      fetch(url, { signal: mine.signal, credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          var suggestions = Array.isArray(data.suggestions) ? data.suggestions : [];
          if (answers.size > 50) answers.clear();
          answers.set(query, suggestions);
          // An answer to an older query that was not aborted in time is not shown.
          if (controller === mine && normalise(input.value) === query) show(query, suggestions);
        })
        .catch(function (error) {
          if (error.name !== "AbortError" && controller === mine) show(query, []);
        })
        .finally(function () {
          if (controller === mine) controller = null;
        });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      if (event.isComposing) return;
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          if (!isOpen()) {
            if (items.length && normalise(input.value) === shownFor) {
              open();
              if (!event.altKey) setActive(0);
            } else {
              ask();
            }
          } else {
            setActive(active + 1 < items.length ? active + 1 : 0);
          }
          break;
        case "ArrowUp":
          event.preventDefault();
          if (!isOpen()) {
            if (items.length && normalise(input.value) === shownFor) {
              open();
              setActive(items.length - 1);
            }
          } else {
            setActive(active > 0 ? active - 1 : items.length - 1);
          }
          break;
        case "Enter":
          if (isOpen() && active >= 0) {
            event.preventDefault();
            go(active);
          }
          break;
        case "Escape":
          if (isOpen()) {
            // Only close the list; the browser's own Escape would also empty the box.
            event.preventDefault();
            close();
          }
          break;
        case "Tab":
          close();
          break;
      }
    });

    input.addEventListener("blur", close);
    // Coming back with the Back button must not show a list left open.
    window.addEventListener("pageshow", close);
  }

  document.querySelectorAll("input[data-suggest-url]").forEach(setUp);
})();
