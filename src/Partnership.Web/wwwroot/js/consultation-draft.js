// Saves the consultation request as a draft while it is typed, so nothing is lost if the page closes or the
// session ends. Posts the whole form (with its antiforgery field) to data-autosave a moment after the last
// change, and says what happened in the form's status line (a polite live region). A save the server refuses
// or that does not arrive is kept in this browser (localStorage) and put back the next time the page opens, as
// the scheme draft does (draft.js), unless the server's draft has changed since (data-draft-stamp).
(function () {
    "use strict";
    var form = document.querySelector("form[data-autosave]");
    if (!form) {
        return;
    }
    var status = document.getElementById("draft-status");
    var desk = document.getElementById("DeskId");
    var topic = document.getElementById("TopicId");
    var timer = null;
    var saving = false;
    var again = false;
    var backupKey = "partnership-consultation-draft:" + form.dataset.autosave;

    function backup() {
        var values = [];
        new FormData(form).forEach(function (value, key) {
            if (key !== "__RequestVerificationToken") {
                values.push([key, value]);
            }
        });
        try {
            localStorage.setItem(backupKey, JSON.stringify({ stamp: form.dataset.draftStamp || "", values: values }));
        } catch (e) {
            // Storage full or disabled: the status line still says the draft was not saved.
        }
    }

    function restore() {
        var saved;
        try {
            saved = JSON.parse(localStorage.getItem(backupKey) || "null");
        } catch (e) {
            saved = null;
        }
        if (!saved || saved.stamp !== (form.dataset.draftStamp || "")) {
            localStorage.removeItem(backupKey);
            return;
        }
        form.querySelectorAll("input[type=checkbox], input[type=radio]").forEach(function (input) {
            input.checked = false;
        });
        saved.values.forEach(function (pair) {
            form.querySelectorAll("[name='" + pair[0].replace(/'/g, "") + "']").forEach(function (field) {
                if (field.type === "checkbox" || field.type === "radio") {
                    if (field.value === pair[1]) {
                        field.checked = true;
                    }
                } else if (field.type !== "hidden") {
                    field.value = pair[1];
                }
            });
        });
        status.textContent = status.dataset.restoredText;
    }

    // Show only the chosen desk's topics.
    function filterTopics() {
        var groups = topic.querySelectorAll("optgroup");
        groups.forEach(function (group) {
            var show = !desk.value || group.dataset.desk === desk.value;
            group.hidden = !show;
            group.disabled = !show;
        });
        var selected = topic.selectedOptions[0];
        if (selected && selected.parentElement.disabled) {
            topic.value = "";
        }
    }

    function save() {
        if (saving) {
            again = true;
            return;
        }
        saving = true;
        fetch(form.dataset.autosave, {
            method: "POST",
            credentials: "same-origin",
            body: new FormData(form)
        }).then(function (response) {
            return response.json().catch(function () {
                return { saved: false, message: status.dataset.failedText };
            }).then(function (result) {
                if (response.ok && result.saved) {
                    form.dataset.draftStamp = result.stamp || "";
                    localStorage.removeItem(backupKey);
                } else {
                    backup();
                }
                if (result.message) {
                    status.textContent = result.message;
                }
            });
        }).catch(function () {
            // Offline or signed out: kept in this browser; the next change tries again.
            backup();
            status.textContent = status.dataset.failedText;
        }).finally(function () {
            saving = false;
            if (again) {
                again = false;
                save();
            }
        });
    }

    function changed() {
        clearTimeout(timer);
        timer = setTimeout(save, 800);
    }

    desk.addEventListener("change", filterTopics);
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    restore();
    filterTopics();
}());
