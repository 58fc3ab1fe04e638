"""The dashboard: index.html, app.js and app.css with uPlot, Leaflet and a world layer, all in static/ (no CDN)."""
