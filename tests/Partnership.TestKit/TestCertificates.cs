using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Partnership.TestKit;

/// <summary>Self-signed certificates made in code, for the settings Production requires (the Data Protection key certificate).</summary>
public static class TestCertificates
{
    public const string Password = "test-cert-pass";

    /// <summary>Writes a self-signed RSA certificate with its private key as a .pfx file in <paramref name="directory"/>; returns its path.</summary>
    public static string CreatePfx(string directory, string name = "dataprotection.pfx")
    {
        Directory.CreateDirectory(directory);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=partnership-portal data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
