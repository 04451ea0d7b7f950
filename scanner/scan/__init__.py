"""Running a scan: the driver, the executors that run work units, the checkpoint."""
