-- POST with an empty body (the header lab's api/visit).
wrk.method = "POST"
