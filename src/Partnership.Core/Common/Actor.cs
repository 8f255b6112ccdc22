namespace Partnership.Core.Common;

/// <summary>Who acts: the user's id and the name officials see in the history.</summary>
public sealed record Actor(string UserId, string Name);
