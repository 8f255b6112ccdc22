using System.Security.Cryptography.X509Certificates;

namespace Partnership.Web.Infrastructure;

/// <summary>
/// The certificate the Data Protection keys are encrypted with at rest (docs/adr/0064-data-protection-keys-encrypted-at-rest.md):
/// a PKCS#12 file (<c>DataProtection:Certificate:Path</c>, <c>DataProtection:Certificate:Password</c>, both from the secret
/// store) or a certificate in the current user's store (<c>DataProtection:Certificate:Thumbprint</c>). Required in Production;
/// Development keeps the keys as they are unless one is configured.
/// </summary>
public static class DataProtectionCertificate
{
    /// <summary>
    /// The certificate the keys are encrypted with, then any previous one they are still read with (after a change of
    /// certificate: <c>DataProtection:PreviousCertificate:Path</c>, <c>…:Password</c> or <c>…:Thumbprint</c>).
    /// </summary>
    public static (X509Certificate2 Current, X509Certificate2[] Readable)? Load(IConfiguration configuration, IHostEnvironment environment)
    {
        var current = Load(configuration, "DataProtection:Certificate", environment.IsProduction());
        if (current is null)
        {
            return null;
        }
        var previous = Load(configuration, "DataProtection:PreviousCertificate", required: false);
        return (current, previous is null ? [current] : [current, previous]);
    }

    private static X509Certificate2? Load(IConfiguration configuration, string section, bool required)
    {
        var path = configuration[$"{section}:Path"];
        var thumbprint = configuration[$"{section}:Thumbprint"];
        X509Certificate2? certificate = null;
        if (!string.IsNullOrWhiteSpace(path))
        {
            try
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[$"{section}:Password"],
                    X509KeyStorageFlags.EphemeralKeySet);
            }
            catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
            {
                throw new PortalConfigurationException(
                    $"{section}:Path '{path}' could not be read as a PKCS#12 (.pfx) file with {section}:Password: {e.Message}");
            }
        }
        else if (!string.IsNullOrWhiteSpace(thumbprint))
        {
            using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
            store.Open(OpenFlags.ReadOnly);
            certificate = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint.Trim(), validOnly: false).FirstOrDefault()
                ?? throw new PortalConfigurationException($"{section}:Thumbprint {thumbprint} is not in the current user's certificate store (My).");
        }
        else if (required)
        {
            throw new PortalConfigurationException(
                "DataProtection:Certificate:Path is not set. In Production the Data Protection keys (they sign sign-in cookies, forms and "
                + "reset links) are encrypted at rest with a certificate: set DataProtection__Certificate__Path to a .pfx file and "
                + "DataProtection__Certificate__Password from the secret store, or DataProtection__Certificate__Thumbprint "
                + "(docs/operations.md, \"Data Protection keys\").");
        }
        if (certificate is not null && !certificate.HasPrivateKey)
        {
            throw new PortalConfigurationException($"The certificate of {section} has no private key: the keys could be encrypted but never read back.");
        }
        return certificate;
    }
}
