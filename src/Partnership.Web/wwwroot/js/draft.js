// Saves a form (a scheme entry, a subsidy application) as it is typed, so nothing is lost when a session ends or the browser closes.
// The server answers each save with the entry's new version; a save that fails is kept in this browser
// (localStorage) and put back into the form the next time the page opens, if the entry has not changed since.
(function () {
    "use strict";
    var form = document.querySelector("form[data-autosave]");
    if (!form) {
        return;
    }
    var url = form.dataset.autosave;
    var status = document.getElementById("autosave-status");
    var version = document.getElementById("entry-version");
    var backupKey = "partnership-draft:" + url;
    var timer = null;
    var inflight = null;
    var dirty = false;
    var submitting = false;

    function show(text, failed) {
        status.textContent = text;
        status.classList.toggle("autosave-failed", !!failed);
    }

    function backup() {
        var values = [];
        new FormData(form).forEach(function (value, key) {
            if (key !== "version" && key !== "__RequestVerificationToken") {
                values.push([key, value]);
            }
        });
        try {
            localStorage.setItem(backupKey, JSON.stringify({ version: version.value, values: values }));
        } catch (e) {
            // Storage full or disabled: the message below still tells the user.
        }
    }

    function save(keepalive) {
        clearTimeout(timer);
        if (!dirty) {
            return inflight || Promise.resolve();
        }
        dirty = false;
        var body = new FormData(form);
        var request = fetch(url, { method: "POST", body: body, credentials: "same-origin", keepalive: !!keepalive, headers: { "Accept": "application/json" } })
            .then(function (response) {
                var json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
                if (!json) {
                    throw new Error("not saved");
                }
                return response.json().then(function (result) {
                    if (!response.ok) {
                        // Refused (a value that cannot be right, or a stale window): kept here, told there.
                        backup();
                        show(result.message, true);
                        return;
                    }
                    version.value = result.version;
                    // A subsidy application: the amount the server computed from what was typed.
                    // The figures at the top of the page (補助対象経費, 申請額) follow too.
                    if (result.amount !== undefined) {
                        document.querySelectorAll("#computed-eligible, [data-testid=eligible-expenses]").forEach(function (element) {
                            element.textContent = result.eligible;
                        });
                        document.querySelectorAll("#computed-amount, [data-testid=requested]").forEach(function (element) {
                            element.textContent = result.amount;
                        });
                    }
                    localStorage.removeItem(backupKey);
                    show(result.message, false);
                });
            })
            .catch(function () {
                backup();
                dirty = true;
                show(status.dataset.failedText, true);
            })
            .finally(function () {
                if (inflight === request) {
                    inflight = null;
                }
            });
        inflight = request;
        return request;
    }

    function changed() {
        dirty = true;
        clearTimeout(timer);
        timer = setTimeout(save, 1500);
    }

    function restore() {
        var saved;
        try {
            saved = JSON.parse(localStorage.getItem(backupKey) || "null");
        } catch (e) {
            saved = null;
        }
        if (!saved || saved.version !== version.value) {
            localStorage.removeItem(backupKey);
            return;
        }
        form.querySelectorAll("input[type=checkbox], input[type=radio]").forEach(function (input) {
            input.checked = false;
        });
        saved.values.forEach(function (pair) {
            var fields = form.querySelectorAll("[name='" + pair[0].replace(/'/g, "") + "']");
            fields.forEach(function (field) {
                if (field.type === "checkbox" || field.type === "radio") {
                    if (field.value === pair[1]) {
                        field.checked = true;
                    }
                } else {
                    field.value = pair[1];
                }
            });
        });
        show(status.dataset.restoredText, false);
        changed();
    }

    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "hidden") {
            save(true);
        }
    });
    window.addEventListener("pagehide", function () {
        save(true);
    });
    form.addEventListener("submit", function (event) {
        if (submitting) {
            return;
        }
        clearTimeout(timer);
        dirty = false;
        if (inflight) {
            // Wait for the save on its way, so the submission carries the version it produced.
            event.preventDefault();
            var submitter = event.submitter;
            inflight.finally(function () {
                submitting = true;
                form.requestSubmit(submitter);
            });
            return;
        }
        submitting = true;
        form.querySelectorAll("button[type=submit]").forEach(function (button) {
            button.setAttribute("aria-disabled", "true");
        });
    });
    restore();
}());
