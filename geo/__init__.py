"""Geography: geodesic distances and bearings, distance verdicts, fronts, map layers."""
