namespace Partnership.Core.Reference;

/// <summary>One of Tokyo's 62 municipalities, by its 全国地方公共団体コード (6 digits with check digit).</summary>
public class Municipality
{
    public required string Code { get; set; }
    public required string Code5 { get; set; }
    public required string NameJa { get; set; }
    /// <summary>special_ward, city, town or village.</summary>
    public required string Kind { get; set; }
    public string? District { get; set; }
    /// <summary>The order of the official list: 23 wards first.</summary>
    public int Order { get; set; }
}

/// <summary>A major group (大分類) of the Japan Standard Industrial Classification, Rev. 13.</summary>
public class Industry
{
    public required string Code { get; set; }
    public required string NameJa { get; set; }
    public required string NameEn { get; set; }
}

/// <summary>A TCCI branch (支部): headquarters and one per special ward.</summary>
public class ChamberBranch
{
    public required string Code { get; set; }
    public required string NameJa { get; set; }
    public required string NameEn { get; set; }
    public int Order { get; set; }
}

/// <summary>A bureau (局) of the Tokyo Metropolitan Government, for Metro officials' accounts.</summary>
public class MetroBureau
{
    public required string Code { get; set; }
    public required string NameJa { get; set; }
    public required string NameEn { get; set; }
    public int Order { get; set; }
}

/// <summary>The 47 prefectures, in the official order (JIS X 0401).</summary>
public static class Prefectures
{
    public const string Tokyo = "東京都";

    public static readonly IReadOnlyList<string> All =
    [
        "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県",
        Tokyo, "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県",
        "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
        "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
    ];
}
