namespace Arena.Web; public static class WebMarker {}
