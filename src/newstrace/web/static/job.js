(function () {
  "use strict";
  var status = document.getElementById("status");
  var bar = document.getElementById("bar");
  var result = document.getElementById("result");
  var failures = document.getElementById("failures");
  function listFailures(job) {
    failures.textContent = "";
    job.failures.forEach(function (failure) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = failure.article.replace("/api/", "/");
      link.textContent = failure.name;
      item.appendChild(link);
      item.appendChild(document.createTextNode(": [" + failure.code + "] " + failure.message));
      failures.appendChild(item);
    });
    document.getElementById("failures-heading").hidden = !job.failures.length;
  }
  function poll() {
    fetch("/api/jobs/" + encodeURIComponent(status.getAttribute("data-job")), {credentials: "same-origin"})
      .then(function (response) { return response.json(); })
      .then(function (job) {
        var share = job.total ? Math.round(100 * (job.done + job.failed) / job.total) : 0;
        if (job.status === "done") { share = 100; }
        bar.firstElementChild.style.width = share + "%";
        bar.setAttribute("aria-valuenow", share);
        status.textContent = job.progress;
        status.className = "status-" + job.status;
        listFailures(job);
        if (job.status === "done") {
          var link = document.createElement("a");
          link.href = job.article ? job.article.replace("/api/", "/") : "/stories?trace_id=" + job.trace_id;
          link.textContent = job.article ? "See the article" : "See the stories";
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
