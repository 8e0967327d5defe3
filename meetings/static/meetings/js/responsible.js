// An action item's responsible person works for its responsible institution: once
// an institution is chosen, the person's list shows only that institution's people
// (the list's groups are labelled by institution). Without JavaScript every group
// shows, and saving refuses a person of another institution.
(() => {
    const personOf = (institutionSelect) =>
        document.querySelector(
            `select[name="${institutionSelect.name.replace(/responsible_institution$/, "responsible_person")}"]`,
        );

    const narrow = (institutionSelect) => {
        const person = personOf(institutionSelect);
        if (!person) {
            return;
        }
        const chosen = institutionSelect.selectedOptions[0];
        const institution = chosen && chosen.value ? chosen.textContent.trim() : null;
        person.querySelectorAll("optgroup").forEach((group) => {
            const shown = institution === null || group.label === institution;
            group.hidden = !shown;
            group.disabled = !shown;
        });
        const selected = person.selectedOptions[0];
        if (selected && selected.parentElement.disabled) {
            person.value = "";
        }
    };

    const isInstitution = (element) =>
        element instanceof HTMLSelectElement && element.name.endsWith("-responsible_institution");

    document.addEventListener("change", (event) => {
        if (isInstitution(event.target)) {
            narrow(event.target);
        }
    });
    document.querySelectorAll("select").forEach((select) => {
        if (isInstitution(select)) {
            narrow(select);
        }
    });
})();
