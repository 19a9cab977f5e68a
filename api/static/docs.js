// The API description's page (/docs): Swagger UI from the registry's own files, started
// from this file rather than an inline script, so a strict Content-Security-Policy holds.
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  persistAuthorization: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
});
