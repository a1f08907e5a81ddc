export { AppFooter, AppShell, contentWidthClassName, MAIN_CONTENT_ID, PageContainer } from "./app-shell";
export type { AppShellProps } from "./app-shell";
export { Avatar, initialsOf } from "./avatar";
export type { AvatarProps, AvatarSize } from "./avatar";
export { Badge } from "./badge";
export type { BadgeProps, BadgeTone } from "./badge";
export { Button, buttonClassName } from "./button";
export type { ButtonProps, ButtonSize, ButtonStyleOptions, ButtonVariant } from "./button";
export { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "./card";
export type { CardTitleProps } from "./card";
export { ChatBubble } from "./chat-bubble";
export type { ChatBubbleProps, ChatBubbleVariant } from "./chat-bubble";
export { EmptyState } from "./empty-state";
export type { EmptyStateProps } from "./empty-state";
export * from "./icons";
export { LogoMark, Wordmark } from "./logo";
export type { LogoMarkProps } from "./logo";
export { Skeleton } from "./skeleton";
export { Spinner } from "./spinner";
export type { SpinnerProps } from "./spinner";
export { Stat, StatGroup } from "./stat";
export type { StatProps } from "./stat";
export { StatusDot } from "./status-dot";
export type { DotStatus, StatusDotProps } from "./status-dot";
export { TopNav, TopNavActions, TopNavLinks, topNavLinkClassName } from "./top-nav";
export type { TopNavLinksProps } from "./top-nav";

// The class-name joiner the components use, shared so that apps compose classes the same way.
export { clsx } from "clsx";
