namespace Partnership.Web;

/// <summary>
/// Marker for the portal's one resource file: Resources/SharedResource.resx holds the Japanese text (the reference),
/// Resources/SharedResource.en.resx the English.
/// </summary>
public sealed class SharedResource;
