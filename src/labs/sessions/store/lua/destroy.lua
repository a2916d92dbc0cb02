-- destroy: deletes session ARGV[7]; 1 when it existed.
return forget(ARGV[7])
