-- {platform} is the expression of analytics/platform, on sp's user_agent.
{platform} = ?
