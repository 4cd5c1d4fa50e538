// Tell the site the reader's time zone, so event times are shown in it (see core/timezones.py).
(function () {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf("bh_tz=" + zone) === -1) {
      document.cookie = "bh_tz=" + zone + "; path=/; max-age=31536000; SameSite=Lax";
    }
  } catch (e) { /* an old browser: times stay in the site's zone */ }
})();
