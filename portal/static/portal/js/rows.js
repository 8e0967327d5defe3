// "Add a guest", "Add an agenda item", ...: a new row of a Django formset, made
// from the formset's <template>, for meetings with more rows than the form offers.
// Without JavaScript the buttons stay hidden and saving the form brings a new row.
document.querySelectorAll("[data-add-row]").forEach((button) => {
    const prefix = button.dataset.addRow;
    const total = document.getElementById(`id_${prefix}-TOTAL_FORMS`);
    const template = document.getElementById(`${prefix}-template`);
    const rows = document.querySelector(`[data-rows="${prefix}"]`);
    button.hidden = false;
    button.addEventListener("click", () => {
        const index = Number(total.value);
        rows.insertAdjacentHTML("beforeend", template.innerHTML.replaceAll("__prefix__", index));
        const row = rows.lastElementChild;
        row.querySelector("[data-row-number]").textContent = index + 1;
        total.value = index + 1;
        row.querySelector("input:not([type=hidden]), textarea, select").focus();
    });
});
