(function () {
  "use strict";
  var status = document.getElementById("status");
  var bar = document.getElementById("bar");
  var result = document.getElementById("result");
  function poll() {
    fetch("/api/jobs/" + encodeURIComponent(status.getAttribute("data-job")), {credentials: "same-origin"})
      .then(function (response) { return response.json(); })
      .then(function (job) {
        var share = job.total ? Math.round(100 * job.done / job.total) : 0;
        if (job.status === "done") { share = 100; }
        bar.firstElementChild.style.width = share + "%";
        bar.setAttribute("aria-valuenow", share);
        status.textContent = job.status + ": " + job.done + (job.total ? " of " + job.total : "") + " articles";
        status.className = "status-" + job.status;
        if (job.status === "done") {
          var link = document.createElement("a");
          link.href = "/stories?trace_id=" + job.trace_id;
          link.textContent = "See the stories";
          link.id = "stories-link";
          result.appendChild(link);
        } else if (job.status === "failed") {
          result.textContent = job.error || "the job failed";
          result.className = "error";
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }
  poll();
})();
