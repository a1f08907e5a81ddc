import { NextResponse } from "next/server";

import { auth } from "~/auth";
import { areaContaining } from "~/auth/areas";
import { signInPath } from "~/auth/callback-url";

/**
 * Runs before every page. Anonymous people who open a protected area go to the sign-in
 * page with the exact address they asked for (a layout only knows its own segment), and
 * land back on it afterwards. Whether a signed-in person's role may enter is the area
 * layout's call, so it can answer with the 403 page. Reading the session here also
 * renews the cookie, so people who keep using Parley stay signed in.
 */
export const proxy = auth((request) => {
  const { pathname, search } = request.nextUrl;
  if (request.auth || !areaContaining(pathname)) return;
  return NextResponse.redirect(new URL(signInPath(`${pathname}${search}`), request.nextUrl));
});

export const config = {
  // Pages only: not Auth.js's own routes, the build's assets or the icon.
  matcher: ["/((?!api/|_next/static/|_next/image/|icon.svg|favicon.ico|widget.js).*)"],
};
