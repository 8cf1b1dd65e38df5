namespace Arena; public static class GrainsMarker {}
