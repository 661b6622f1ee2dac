"""Baseline: pandas.read_excel (openpyxl) over the same file, where python3-pandas is installed."""
import json, resource, sys, time
import pandas as pd
t0 = time.perf_counter()
df = pd.read_excel(sys.argv[1], header=None)
ms = (time.perf_counter() - t0) * 1000
print(json.dumps({"ms": round(ms), "maxRssMb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024), "extra": {"rows": len(df)}}))
