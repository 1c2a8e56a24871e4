using MudBlazor;

namespace LoanSaaS.Web.Shell.Layouts;

public static class LoanSaaSTheme
{
    private static readonly string[] Fonts = ["PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Create() => new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1D4ED8",
            Secondary = "#F59E0B",
            Tertiary = "#0F766E",
            AppbarBackground = "#0F2A5F",
            AppbarText = "#FFFFFF",
            Background = "#F4F6FA",
            DrawerBackground = "#FFFFFF",
            Success = "#16A34A",
            Error = "#DC2626",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#60A5FA",
            Secondary = "#FBBF24",
            Tertiary = "#2DD4BF",
            AppbarBackground = "#111827",
            Background = "#0B1220",
            Surface = "#111A2E",
            DrawerBackground = "#0F172A",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts },
            H4 = new H4Typography { FontFamily = Fonts, FontWeight = "600" },
            H5 = new H5Typography { FontFamily = Fonts, FontWeight = "600" },
            H6 = new H6Typography { FontFamily = Fonts, FontWeight = "600" },
            Button = new ButtonTypography { FontFamily = Fonts, TextTransform = "none", FontWeight = "500" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
