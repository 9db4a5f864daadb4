-- The platform of a user agent: an expression on `user_agent`, filled in as {platform}.
-- Order matters: iPhone and iPad agents also say "Mac OS X", Android agents also say "Linux".
CASE
    WHEN user_agent IS NULL THEN 'Other'
    WHEN contains(user_agent, 'iPhone') THEN 'iPhone'
    WHEN contains(user_agent, 'iPad') THEN 'iPad'
    WHEN contains(user_agent, 'Android') THEN 'Android'
    WHEN contains(user_agent, 'Windows') THEN 'Windows'
    WHEN contains(user_agent, 'Macintosh') OR contains(user_agent, 'Mac OS X') THEN 'Mac'
    WHEN contains(user_agent, 'Linux') OR contains(user_agent, 'X11') THEN 'Linux'
    ELSE 'Other'
END
